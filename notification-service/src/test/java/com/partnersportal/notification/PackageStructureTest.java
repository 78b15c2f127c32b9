package com.partnersportal.notification;

import com.partnersportal.testsupport.PackageStructureContract;

class PackageStructureTest extends PackageStructureContract {
}
