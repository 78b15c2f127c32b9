package com.partnersportal.gateway;

import com.partnersportal.testsupport.PackageStructureContract;

class PackageStructureTest extends PackageStructureContract {
}
