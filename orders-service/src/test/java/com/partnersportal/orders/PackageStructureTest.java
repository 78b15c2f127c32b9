package com.partnersportal.orders;

import com.partnersportal.testsupport.PackageStructureContract;

class PackageStructureTest extends PackageStructureContract {
}
