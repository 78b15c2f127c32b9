import type { Messages } from './en';

const ar: Messages = {
  app: { name: 'بوابة الشركاء', sandbox: 'بيئة تجريبية', sandboxNote: 'بيئة تجريبية: بيانات للاختبار، بلا أموال حقيقية', skip: 'انتقل إلى المحتوى', menu: 'القائمة', language: 'English', languageLabel: 'التبديل إلى الإنجليزية', signOut: 'تسجيل الخروج', signedInAs: 'مسجّل الدخول باسم {{name}}', loading: 'جارٍ التحميل…', retry: 'أعد المحاولة', notFound: 'هذه الصفحة غير موجودة.', forbidden: 'دورك لا يسمح بهذه الصفحة.', home: 'الذهاب إلى الطلبات', close: 'إغلاق', cancel: 'إلغاء', save: 'حفظ', more: 'تحميل المزيد', noResults: 'لا توجد نتائج.', all: 'الكل', yes: 'نعم', no: 'لا', copy: 'نسخ', copied: 'تم النسخ', from: 'من', to: 'إلى', search: 'بحث', apply: 'تطبيق', reset: 'إعادة ضبط', actions: 'إجراءات', download: 'تنزيل', status: 'الحالة', entity: 'الكيان القانوني', navigation: 'التنقل الرئيسي' },
  nav: { orders: 'الطلبات', settlements: 'تقارير التسوية', settlementInfo: 'معلومات التسوية', invoices: 'الفواتير', users: 'المستخدمون', roles: 'أدوار المستخدمين', webhooks: 'خطافات الويب', apiTokens: 'رموز الواجهة البرمجية', audit: 'سجل التدقيق' },
  auth: {
    signInTitle: 'تسجيل الدخول إلى بوابة الشركاء', email: 'البريد الإلكتروني', password: 'كلمة المرور', signIn: 'تسجيل الدخول', signingIn: 'جارٍ تسجيل الدخول…', forgot: 'نسيت كلمة المرور؟',
    resetRequestTitle: 'إعادة تعيين كلمة المرور', resetRequestIntro: 'أدخل بريدك الإلكتروني وسنرسل لك رابطًا لاختيار كلمة مرور جديدة.', sendLink: 'إرسال الرابط', resetRequested: 'إذا كان البريد مسجّلًا لدينا فالرابط في طريقه إليك، وهو صالح لمدة 72 ساعة.', backToSignIn: 'العودة إلى تسجيل الدخول',
    activateTitle: 'تفعيل حسابك', activateIntro: 'مرحبًا {{name}}. اختر كلمة مرور للحساب {{email}}.', resetTitle: 'اختر كلمة مرور جديدة', resetIntro: 'اختر كلمة مرور جديدة للحساب {{email}}.',
    newPassword: 'كلمة المرور الجديدة', confirmPassword: 'أعد كتابة كلمة المرور', passwordHint: 'من 12 إلى 128 حرفًا، لا تتضمن بريدك الإلكتروني وليست كلمة مرور شائعة.', mismatch: 'كلمتا المرور غير متطابقتين.',
    activate: 'تفعيل', setPassword: 'تعيين كلمة المرور', activated: 'تم تفعيل حسابك. سجّل الدخول بكلمة المرور الجديدة.', passwordChanged: 'تم تغيير كلمة المرور. سجّل الدخول بها.', checkingLink: 'جارٍ التحقق من الرابط…', linkExpires: 'هذا الرابط صالح حتى {{date}}.',
    sessionEnded: 'انتهت جلستك. يرجى تسجيل الدخول مجددًا.',
  },
  errors: {
    generic: 'حدث خطأ ({{code}}). يرجى المحاولة مرة أخرى.', network: 'تعذّر الوصول إلى البوابة. تحقق من اتصالك وأعد المحاولة.',
    invalid_credentials: 'البريد الإلكتروني أو كلمة المرور غير صحيحة.', account_disabled: 'هذا الحساب معطّل. تواصل مع المسؤول.', too_many_attempts: 'محاولات كثيرة. أعد المحاولة بعد {{seconds}} ثانية.', rate_limited: 'طلبات كثيرة. أعد المحاولة بعد {{seconds}} ثانية.',
    activation_link_invalid: 'هذا الرابط غير صالح. تأكد من نسخ الرابط كاملًا من البريد.', activation_link_used: 'تم استخدام هذا الرابط من قبل. سجّل الدخول بكلمة المرور.', activation_link_expired: 'انتهت صلاحية هذا الرابط — اطلب من المسؤول رابطًا جديدًا.', activation_link_replaced: 'أُرسل رابط أحدث ولم يعد هذا الرابط يعمل. استخدم أحدث رسالة.',
    reset_link_invalid: 'هذا الرابط غير صالح. تأكد من نسخ الرابط كاملًا من البريد.', reset_link_used: 'تم استخدام هذا الرابط من قبل. اطلب رابطًا جديدًا عند الحاجة.', reset_link_expired: 'انتهت صلاحية هذا الرابط — اطلب رابطًا جديدًا.', reset_link_replaced: 'أُرسل رابط أحدث ولم يعد هذا الرابط يعمل. استخدم أحدث رسالة.',
    password_too_short: 'يجب أن تتكون كلمة المرور من 12 حرفًا على الأقل.', password_too_long: 'يجب ألا تتجاوز كلمة المرور 128 حرفًا.', password_contains_email: 'يجب ألا تتضمن كلمة المرور بريدك الإلكتروني.', password_too_common: 'كلمة المرور هذه شائعة جدًا. اختر غيرها.',
    unauthenticated: 'يرجى تسجيل الدخول مجددًا.', forbidden: 'دورك لا يسمح بهذا الإجراء.', not_found: 'غير موجود.', order_not_found: 'هذا الطلب غير موجود.',
    invalid_order_status: 'حالة الطلب {{old_status}}؛ لا يمكن تنفيذ {{operation}} الآن.', capture_amount_exceeds_remaining: 'المبلغ أكبر من المتبقي للتحصيل.', refund_amount_exceeds_captured: 'المبلغ أكبر من المحصَّل غير المسترد.', cancel_amount_exceeds_remaining: 'المبلغ أكبر من المتبقي للإلغاء.',
    amount_invalid_precision: 'المبلغ يحتوي على منازل عشرية أكثر مما تسمح به عملته.', amount_not_positive: 'يجب أن يكون المبلغ أكبر من صفر.', amount_negative: 'يجب ألا يكون المبلغ سالبًا.', merchant_refund_id_already_used: 'مرجع الاسترداد هذا مستخدم من قبل في هذا الطلب.', idempotency_request_in_progress: 'الطلب نفسه ما زال قيد التنفيذ. انتظر لحظة.', idempotency_key_reused: 'أُرسل هذا الطلب من قبل بقيم مختلفة.',
    invalid_field: 'حقل غير صالح: {{field}}.', invalid_request_body: 'النموذج غير مكتمل.', service_unavailable: 'الخدمة غير متاحة حاليًا. أعد المحاولة بعد دقيقة.', upstream_timeout: 'استغرقت الخدمة وقتًا طويلًا للرد. أعد المحاولة.',
    email_already_registered: 'يوجد مستخدم بهذا البريد الإلكتروني.', role_unknown: 'اختر دورًا.', legal_entity_unknown: 'كيان قانوني غير معروف.', last_admin: 'هذا آخر مسؤول نشط: امنح مستخدمًا آخر دور المسؤول أولًا.', user_not_invited: 'هذا المستخدم لا ينتظر التفعيل.',
    role_name_taken: 'يوجد دور بهذا الاسم.', role_built_in: 'لا يمكن تغيير الأدوار المدمجة.', role_in_use: 'ما زال مستخدمون يحملون هذا الدور.', role_limit_reached: 'تم بلوغ الحد الأقصى وهو 50 دورًا.', permission_unknown: 'صلاحية غير معروفة.',
    api_token_name_taken: 'يوجد رمز بهذا الاسم.', api_token_limit_reached: 'تم بلوغ الحد الأقصى وهو 50 رمزًا.',
    report_not_found: 'هذا التقرير غير موجود.', invoice_not_found: 'هذه الفاتورة غير موجودة.', invalid_cursor: 'تغيّرت القائمة؛ ابدأ من الصفحة الأولى.',
    webhook_url_invalid: 'يجب أن يكون الرابط عنوان https.', webhook_not_found: 'خطاف الويب هذا غير موجود.',
  },
  status: { new: 'جديد', approved: 'موافق عليه', authorised: 'مصرّح', declined: 'مرفوض', expired: 'منتهي الصلاحية', canceled: 'ملغى', updated: 'محدّث', partially_captured: 'محصّل جزئيًا', fully_captured: 'محصّل بالكامل', partially_refunded: 'مسترد جزئيًا', fully_refunded: 'مسترد بالكامل',
    invited: 'مدعو', active: 'نشط', disabled: 'معطّل', not_settled: 'غير مسوّى', pending: 'قيد التحويل', settled: 'مسوّى', carried_forward: 'مُرحّل', queued: 'في الانتظار', running: 'قيد التنفيذ', done: 'جاهز', failed: 'فشل', succeeded: 'تم التسليم', delivered: 'تم التسليم', revoked: 'ملغى', enabled: 'مفعّل' },
  orders: {
    title: 'الطلبات', searchLabel: 'مرجع الطلب أو رقم طلب تمارا', searchPlaceholder: 'مثل ORD-1001 أو رقم طلب تمارا', statusFilter: 'الحالة', createdFrom: 'أُنشئ من', createdTo: 'أُنشئ حتى', includeHidden: 'إظهار المرفوضة والمنتهية',
    reference: 'مرجع الطلب', tamaraId: 'رقم طلب تمارا', customer: 'العميل', total: 'الإجمالي', captured: 'المحصّل', refunded: 'المسترد', canceled: 'الملغى', created: 'تاريخ الإنشاء', paymentType: 'طريقة الدفع', country: 'الدولة',
    count: 'عدد الطلبات المعروضة: {{count}}', export: 'تصدير الطلبات CSV', back: '→ العودة إلى الطلبات', detailTitle: 'الطلب {{reference}}',
    items: 'المنتجات', item: 'المنتج', sku: 'رمز المنتج', quantity: 'الكمية', amounts: 'المبالغ', tax: 'الضريبة', shipping: 'الشحن', discount: 'الخصم', remainingCapture: 'المتبقي للتحصيل', refundable: 'القابل للاسترداد', transactions: 'العمليات', timeline: 'السجل الزمني', consumer: 'العميل',
    captures: 'التحصيلات', refunds: 'الاستردادات', cancels: 'الإلغاءات', automatic: 'تلقائي', noTransactions: 'لا توجد تحصيلات أو استردادات أو إلغاءات بعد.', by: 'بواسطة {{actor}}', updatedAt: 'آخر تحديث',
    capture: 'تحصيل', refund: 'استرداد', cancel: 'إلغاء الطلب', amount: 'المبلغ ({{currency}})', comment: 'السبب', shippingCompany: 'شركة الشحن', trackingNumber: 'رقم التتبع', confirm: 'تأكيد',
    captureTitle: 'تحصيل الدفعة', refundTitle: 'استرداد', cancelTitle: 'إلغاء الطلب', captureIntro: 'يمكن تحصيل ما يصل إلى {{amount}}.', refundIntro: 'يمكن استرداد ما يصل إلى {{amount}}.', cancelIntro: 'يمكن إلغاء ما يصل إلى {{amount}}. الإلغاء ممكن فقط قبل أي تحصيل.',
    amountInvalid: 'أدخل مبلغًا أكبر من صفر بما لا يزيد عن {{scale}} منازل عشرية.', done: 'تم: حالة الطلب الآن {{status}}.',
    kind: { created: 'أُنشئ الطلب', approved: 'وافق العميل', declined: 'رُفض', expired: 'انتهت الصلاحية', authorised: 'تم التصريح', captured: 'تم التحصيل', refunded: 'تم الاسترداد', canceled: 'تم الإلغاء', reference_changed: 'تغيّر المرجع' },
    actor: { user: 'مستخدم البوابة', api_token: 'واجهة التاجر البرمجية', checkout: 'الدفع', system: 'النظام' },
  },
  export: {
    title: 'تصدير الطلبات CSV', intro: 'الطلبات المُنشأة في الفترة المحددة، بتوقيت {{zone}}. يُجهَّز الملف في الخلفية ونرسل إليك رابطه بالبريد.', start: 'بدء التصدير',
    progress: 'التصدير {{status}}: تمت كتابة {{rows}} صفًا', ready: 'ملف التصدير جاهز: {{rows}} طلبًا. أرسلنا الرابط إلى بريدك أيضًا.', failed: 'فشل التصدير. يرجى المحاولة مرة أخرى.', recent: 'عمليات التصدير الأخيرة', range: 'الفترة', rows: 'الصفوف', requested: 'تاريخ الطلب', rangeInvalid: 'يجب ألا يسبق تاريخ النهاية تاريخ البداية.',
  },
  settlements: {
    title: 'تقارير التسوية', statementDate: 'تاريخ الكشف', reference: 'المرجع', period: 'الفترة', sales: 'المبيعات', refunds: 'الاستردادات', fees: 'الرسوم', vat: 'ضريبة القيمة المضافة', net: 'صافي المستحق', expectedPayout: 'موعد الدفع المتوقع', csv: 'تنزيل CSV', downloadReport: 'تنزيل التقرير {{reference}}',
    infoTitle: 'معلومات التسوية', upcoming: 'الدفعة القادمة', expectedBy: 'متوقعة بتاريخ', notPaidYet: 'لم يُدفع بعد', currentBalance: 'الرصيد الحالي', lastSettled: 'آخر مبلغ مسوّى', cycle: 'الدورة', weekly: 'أسبوعية', daily: 'يومية', fee: 'الرسوم', timeZone: 'المنطقة الزمنية', currentPeriod: 'الفترة الحالية', closesAt: 'تُغلق في', bank: 'الحساب البنكي', noBank: 'لا يوجد حساب بنكي مسجّل بعد.', none: 'لا يوجد',
  },
  invoices: { rangeTooLong: 'اختر فترة لا تزيد عن 366 يومًا.', title: 'الفواتير', number: 'رقم الفاتورة', month: 'شهر الفوترة', issued: 'تاريخ الإصدار', taxable: 'المبلغ الخاضع للضريبة', vat: 'ضريبة القيمة المضافة', total: 'الإجمالي مع الضريبة', pdf: 'PDF', xml: 'XML', exportTitle: 'تصدير فترة زمنية', exportButton: 'تصدير الفواتير (zip)', ksaOnly: 'تشمل الفواتير الضريبية رسوم مقدّم الخدمة وضريبتها، للكيانات التي تبيع في المملكة.' },
  users: {
    title: 'المستخدمون', add: 'إضافة مستخدم جديد', name: 'الاسم الكامل', email: 'البريد الإلكتروني', role: 'الدور', language: 'لغة البريد', english: 'الإنجليزية', arabic: 'العربية', entities: 'الكيانات القانونية', allEntities: 'كل الكيانات القانونية', created: 'تاريخ الإضافة',
    invite: 'إرسال الدعوة', invited: 'أُرسلت الدعوة إلى {{email}}. الرابط صالح لمدة 72 ساعة.', resend: 'إعادة إرسال التفعيل', resent: 'رسالة تفعيل جديدة في طريقها؛ الروابط السابقة لم تعد تعمل.', changeRole: 'تغيير الدور', roleChanged: 'تم تغيير الدور. يسري عند تسجيل الدخول التالي أو خلال 15 دقيقة.',
    disable: 'تعطيل', enable: 'تفعيل', disableConfirm: 'تعطيل {{email}}؟ تنتهي جلساته فورًا.', disabled: 'تم تعطيل المستخدم.', enabled: 'تم تفعيل المستخدم.', searchLabel: 'البحث بالاسم أو البريد', you: 'أنت',
  },
  roles: { title: 'أدوار المستخدمين', builtIn: 'مدمج', custom: 'مخصص', permissions: 'الصلاحيات', description: 'الوصف', add: 'إضافة دور', name: 'اسم الدور', created: 'تم إنشاء الدور.', deleted: 'تم حذف الدور.', delete: 'حذف', edit: 'تعديل', updated: 'تم حفظ الدور.' },
  permissions: {
    'orders.view': 'عرض الطلبات', 'orders.capture': 'تحصيل الطلبات', 'orders.refund': 'استرداد الطلبات', 'orders.cancel': 'إلغاء الطلبات', 'orders.export': 'تصدير الطلبات', 'settlements.view': 'عرض التسويات', 'invoices.view': 'عرض الفواتير', 'invoices.export': 'تصدير الفواتير', 'users.manage': 'إدارة المستخدمين والأدوار', 'webhooks.manage': 'إدارة خطافات الويب', 'api_tokens.manage': 'إدارة رموز الواجهة البرمجية', 'audit.view': 'عرض سجل التدقيق',
  },
  webhooks: {
    testBadge: 'تجريبي', backToList: '→ كل خطافات الويب', test: 'إرسال حدث تجريبي', testSent: 'أُضيف حدث تجريبي إلى قائمة الانتظار وسيظهر في سجل الإرسال.', deleteConfirm: 'حذف هذا الخطاف؟ تتوقف الإرسالات إليه.', lastSuccess: 'آخر إرسال ناجح', secretNote: 'تحقّق من توقيع كل إرسال بهذا المفتاح.', noAttempts: 'لا توجد محاولات بعد.', title: 'خطافات الويب', add: 'إضافة خطاف', edit: 'تعديل', url: 'الرابط', events: 'الأحداث', enabled: 'مفعّل', description: 'الوصف', saved: 'تم حفظ الخطاف.', secret: 'مفتاح التوقيع', reveal: 'إظهار المفتاح', hide: 'إخفاء المفتاح', rotate: 'تدوير المفتاح', rotateConfirm: 'تدوير المفتاح؟ يجب أن يستخدم نظامك المفتاح الجديد للإرسالات الجديدة.', rotated: 'تم تدوير المفتاح.',
    deliveries: 'سجل الإرسال', event: 'الحدث', attempts: 'المحاولات', lastAttempt: 'آخر محاولة', responseCode: 'الرد', resend: 'إعادة الإرسال', resent: 'أُعيد الإرسال إلى قائمة الانتظار.', recover: 'استعادة الإرسالات الفاشلة', recovered: 'أُعيدت الإرسالات الفاشلة إلى قائمة الانتظار.', attempt: 'المحاولة {{n}}', noDeliveries: 'لا توجد إرسالات بعد.', delete: 'حذف', deleted: 'تم حذف الخطاف.', disabledNote: 'عُطّل بعد إخفاقات متكررة', chooseEvents: 'اختر حدثًا واحدًا على الأقل.', unavailable: 'تعذّر الوصول إلى خطافات الويب حاليًا.',
  },
  apiTokens: { title: 'رموز الواجهة البرمجية', add: 'إنشاء رمز', name: 'الاسم', prefix: 'البادئة', created: 'تاريخ الإنشاء', lastUsed: 'آخر استخدام', revoke: 'إلغاء', revokeConfirm: 'إلغاء {{name}}؟ تتوقف الطلبات التي تستخدمه خلال دقيقة.', revoked: 'تم إلغاء الرمز.', newToken: 'انسخ الرمز الآن: لن يظهر مرة أخرى.', never: 'أبدًا' },
  audit: { title: 'سجل التدقيق', when: 'الوقت', action: 'الإجراء', actor: 'المنفّذ', target: 'الهدف', address: 'العنوان', changes: 'التغييرات', actionFilter: 'الإجراء' },
  roleNames: { admin: 'مسؤول', finance: 'المالية', operations: 'العمليات', developer: 'مطوّر', viewer: 'مُطّلع' },
  webhookEvents: { order_approved: 'الموافقة على الطلب', order_declined: 'رفض الطلب', order_authorised: 'التصريح بالطلب', order_captured: 'تحصيل الطلب', order_refunded: 'استرداد الطلب', order_canceled: 'إلغاء الطلب', order_expired: 'انتهاء صلاحية الطلب' },
  auditActions: { 'merchant.registered': 'تسجيل التاجر', 'legal_entity.registered': 'تسجيل كيان قانوني', 'user.invited': 'دعوة مستخدم', 'user.activation_reissued': 'إعادة إرسال التفعيل', 'user.role_changed': 'تغيير الدور', 'user.entities_changed': 'تغيير الكيانات القانونية', 'user.disabled': 'تعطيل مستخدم', 'user.enabled': 'تفعيل مستخدم', 'user.removed': 'حذف مستخدم', 'role.created': 'إنشاء دور', 'role.updated': 'تعديل دور', 'role.deleted': 'حذف دور', 'api_token.created': 'إنشاء رمز', 'api_token.revoked': 'إلغاء رمز' },
};

export default ar;
